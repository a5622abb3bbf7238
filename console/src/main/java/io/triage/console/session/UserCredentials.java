package io.triage.console.session;

import java.io.Serializable;

import io.triage.platform.SecretMasking;

/**
 * The signed-in person's API key, held in the server-side session only, to call the services on their behalf (so
 * each service checks the person's own roles).
 *
 * @param apiKey the key the person signed in with
 */
public record UserCredentials(String apiKey) implements Serializable {

    @Override
    public String toString() {
        return SecretMasking.toString(this, "apiKey");
    }
}
