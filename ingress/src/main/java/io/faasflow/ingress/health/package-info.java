/** Readiness checks reported by SmallRye Health under {@code /q/health/ready}. */
package io.faasflow.ingress.health;
