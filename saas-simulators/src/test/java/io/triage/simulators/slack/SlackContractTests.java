package io.triage.simulators.slack;

import io.triage.simulators.Simulator;
import io.triage.simulators.SimulatorContract;

class SlackContractTests implements SimulatorContract {

    private final SlackSimulator simulator = new SlackSimulator();

    @Override
    public Simulator simulator() {
        return simulator;
    }

    @Override
    public String apiPath() {
        return "/services/T1/B1/x";
    }
}
