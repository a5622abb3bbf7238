-- The tier chain's decision log, feedback, cache reuse accuracy and LLM call accounting (issue 8).
-- Texts never enter these tables: only hashes, labels, versions and ids.

CREATE TABLE decisions (
    id                     uuid PRIMARY KEY,
    ticket_id              varchar(128),
    routing_method         varchar(16)      NOT NULL,
    department             varchar(64),
    department_confidence  double precision,
    urgency                varchar(64),
    urgency_confidence     double precision,
    sentiment              varchar(64),
    sentiment_confidence   double precision,
    rule_id                varchar(64),
    rule_set_version       varchar(64),
    model_version          varchar(64),
    neighbour_ticket_id    varchar(128),
    neighbour_similarity   double precision,
    neighbour_department   varchar(64),
    text_hash              char(64)         NOT NULL,
    customer_hash          char(64),
    channel                varchar(32),
    source_system          varchar(64),
    tier_latencies_micros  jsonb            NOT NULL,
    skipped_tiers          jsonb            NOT NULL,
    experiments            jsonb            NOT NULL DEFAULT '{}',
    llm_mode               varchar(16),
    llm_prompt_tokens      bigint,
    llm_completion_tokens  bigint,
    llm_cost               double precision,
    latency_micros         bigint           NOT NULL,
    decided_at             timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX decisions_ticket ON decisions (ticket_id, decided_at DESC);
CREATE INDEX decisions_decided_at ON decisions (decided_at);

-- One feedback per decision (the first one counts; repeats are acknowledged and change nothing).
CREATE TABLE decision_feedback (
    decision_id        uuid PRIMARY KEY REFERENCES decisions (id),
    department         varchar(64)  NOT NULL,
    urgency            varchar(64),
    sentiment          varchar(64),
    source             varchar(32)  NOT NULL,
    department_correct boolean      NOT NULL,
    received_at        timestamptz  NOT NULL DEFAULT now()
);

-- How often reusing a historical ticket's label was right (feeds the semantic cache's 0.85 bar).
CREATE TABLE cache_reuse_accuracy (
    neighbour_ticket_id varchar(128) PRIMARY KEY,
    reuses              bigint      NOT NULL,
    correct             bigint      NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Every LLM completion: tokens and cost (llm_cost_daily sums the current UTC day).
CREATE TABLE llm_calls (
    id                bigserial PRIMARY KEY,
    model             varchar(128)     NOT NULL,
    prompt_hash       char(64)         NOT NULL,
    mode              varchar(16)      NOT NULL,
    prompt_tokens     bigint           NOT NULL,
    completion_tokens bigint           NOT NULL,
    cost              double precision NOT NULL,
    outcome           varchar(16)      NOT NULL,
    called_at         timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_called_at ON llm_calls (called_at);
