package io.triage.simulators.jira;

import io.triage.simulators.Simulator;
import io.triage.simulators.SimulatorContract;

class JiraContractTests implements SimulatorContract {

    private final JiraSimulator simulator = new JiraSimulator();

    @Override
    public Simulator simulator() {
        return simulator;
    }

    @Override
    public String apiPath() {
        return "/rest/api/3/issue/SUP-1";
    }
}
