/** The {@code faasflow.*} settings of the ingress and their validation. */
package io.faasflow.ingress.config;
