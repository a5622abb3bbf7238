package io.triage.tickets;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link SyntheticTicket}s as JSON, one object per line (JSONL), with snake_case field
 * names ({@code ticket_id}, {@code customer_id}, {@code pii_spans}) as in the platform's HTTP APIs.
 */
public final class TicketJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private TicketJson() {
    }

    /** One ticket as a single-line JSON object. */
    public static String toJson(SyntheticTicket ticket) {
        return MAPPER.writeValueAsString(ticket);
    }

    public static SyntheticTicket fromJson(String json) {
        return MAPPER.readValue(json, SyntheticTicket.class);
    }

    /** Writes each ticket as one line; JSON escapes newlines inside the text, so lines stay one per ticket. */
    public static void writeJsonl(Iterable<SyntheticTicket> tickets, Writer out) {
        try {
            for (SyntheticTicket ticket : tickets) {
                out.write(toJson(ticket));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tickets", e);
        }
    }

    public static void writeJsonl(Iterable<SyntheticTicket> tickets, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeJsonl(tickets, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads every non-blank line as a ticket. */
    public static List<SyntheticTicket> readJsonl(Reader in) {
        List<SyntheticTicket> tickets = new ArrayList<>();
        try {
            BufferedReader lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    tickets.add(fromJson(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tickets", e);
        }
        return tickets;
    }

    public static List<SyntheticTicket> readJsonl(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readJsonl(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
