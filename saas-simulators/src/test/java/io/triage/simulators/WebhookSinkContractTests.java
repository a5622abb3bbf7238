package io.triage.simulators;

class WebhookSinkContractTests implements SimulatorContract {

    private final WebhookSink sink = new WebhookSink();

    @Override
    public Simulator simulator() {
        return sink;
    }

    @Override
    public String apiPath() {
        return "/hooks/anything";
    }
}
