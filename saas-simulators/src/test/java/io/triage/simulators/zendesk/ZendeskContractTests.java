package io.triage.simulators.zendesk;

import io.triage.simulators.Simulator;
import io.triage.simulators.SimulatorContract;

class ZendeskContractTests implements SimulatorContract {

    private final ZendeskSimulator simulator = new ZendeskSimulator();

    @Override
    public Simulator simulator() {
        return simulator;
    }

    @Override
    public String apiPath() {
        return "/api/v2/tickets/1.json";
    }
}
