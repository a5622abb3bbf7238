package io.triage.simulators.servicenow;

import io.triage.simulators.Simulator;
import io.triage.simulators.SimulatorContract;

class ServiceNowContractTests implements SimulatorContract {

    private final ServiceNowSimulator simulator = new ServiceNowSimulator();

    @Override
    public Simulator simulator() {
        return simulator;
    }

    @Override
    public String apiPath() {
        return "/api/now/table/incident";
    }
}
