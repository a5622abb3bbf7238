package io.triage.simulators;

import java.net.URI;
import java.util.List;

import io.triage.simulators.fault.FaultInjector;

/**
 * One simulated SaaS system on its own HTTP port: speaks the vendor's wire format, keeps what is written to it in
 * memory, and answers with injected faults when told to. Start on port 0 in tests and read {@link #baseUri()}.
 */
public interface Simulator extends AutoCloseable {

    /** Short name of the simulated system, e.g. {@code servicenow}. */
    String system();

    /** Starts listening on 127.0.0.1; port 0 picks a free port. Returns this simulator. */
    Simulator start(int port);

    /** Starts listening on the given host (e.g. {@code 0.0.0.0} for a demo container). Returns this simulator. */
    Simulator start(String host, int port);

    /** Where the simulator listens, e.g. {@code http://127.0.0.1:9101}; no trailing slash. */
    URI baseUri();

    /** The faults the next requests will meet; admin requests under {@code /_sim/} never meet them. */
    FaultInjector faults();

    /** Every API request received so far (admin requests excluded), oldest first. */
    List<RecordedRequest> requests();

    /** Forgets all data, recorded requests and faults; settings stay. */
    void reset();

    @Override
    void close();
}
