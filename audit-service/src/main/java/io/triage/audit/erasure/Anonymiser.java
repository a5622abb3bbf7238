package io.triage.audit.erasure;

import io.triage.audit.chain.Pseudonyms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Clears plain ticket/user ids through the database's single permitted change, {@code erase_ticket_identifiers}:
 * the service role has no UPDATE privilege, and the trigger lets only that function through, only for these two
 * columns. The chain covers the pseudonyms, not these ids, so the chain still verifies afterwards.
 */
@Service
public class Anonymiser {

    private final JdbcClient jdbc;
    private final Pseudonyms pseudonyms;

    Anonymiser(JdbcClient jdbc, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    public Anonymisation.Receipt anonymise(Anonymisation request) {
        String[] refs = request.ticketIds().stream().map(pseudonyms::of).distinct().toArray(String[]::new);
        long cleared = jdbc.sql("SELECT erase_ticket_identifiers(?)").param(refs).query(Long.class).single();
        return new Anonymisation.Receipt(request.requestId(), refs.length, cleared);
    }
}
