package io.triage.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.triage.gdpr.erasure.DeletionRequest;
import io.triage.gdpr.erasure.DeletionRequests;
import io.triage.testsupport.IsolatedBackingServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Receipts from the two stores arrive on different threads, often at the same moment (both deliveries start with the
 * request). The request must complete whichever comes last. The stores themselves are unreachable here, so only
 * this test records receipts.
 */
@SpringBootTest(properties = {"spring.http.serviceclient.ingestion.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.embedding.base-url=http://127.0.0.1:9", "triage.gdpr.stores=ingestion,embedding"})
@IsolatedBackingServices
class ReceiptsIT {

    @Autowired
    DeletionRequests requests;

    @Test
    void receiptsRecordedAtTheSameMomentCompleteTheRequest() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(requests.request("CUST-race-" + i, "test", "race").id());
        }
        List<Future<?>> recorded = new ArrayList<>();
        try (ExecutorService stores = Executors.newFixedThreadPool(4)) {
            for (UUID id : ids) {
                recorded.add(stores.submit(() -> requests.recordReceipt(id, "ingestion", 1, Map.of(), null)));
                recorded.add(stores.submit(() -> requests.recordReceipt(id, "embedding", 2, Map.of(), null)));
            }
            for (Future<?> receipt : recorded) {
                receipt.get();
            }
        }
        assertThat(ids).allSatisfy(id -> assertThat(requests.find(id).orElseThrow().status())
                .as("request %s", id).isEqualTo(DeletionRequest.Status.COMPLETED));
    }
}
