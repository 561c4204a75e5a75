/** HTTP resources, their JSON views and the one exception mapper of the ingress. */
package io.faasflow.ingress.rest;
