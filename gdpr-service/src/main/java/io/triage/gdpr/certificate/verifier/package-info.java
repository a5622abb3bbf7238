/**
 * The standalone check of a certificate of erasure: JDK only, without even the JSpecify annotations the rest of the
 * service is {@code @NullMarked} with, so that the JDK's source launcher can run it from a checkout or a copy of
 * these two files ({@code java CertificateVerifier.java certificate.json keys.json}).
 */
package io.triage.gdpr.certificate.verifier;
