package io.triage.audit.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.CheckpointSigner;
import io.triage.audit.checkpoint.Checkpoints;
import io.triage.platform.problem.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Exports signed checkpoints and the public key that checks them; takes a checkpoint on demand. */
@RestController
class CheckpointController {

    /** The verification key, for third parties. */
    record SigningKey(String keyId, String algorithm, String publicKey) {
    }

    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;

    CheckpointController(Checkpoints checkpoints, CheckpointSigner signer) {
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    @GetMapping("/audit/checkpoints")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    List<Checkpoint> list(@RequestParam(defaultValue = "0") @Min(0) long afterId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return checkpoints.list(afterId, limit);
    }

    @PostMapping("/audit/checkpoints")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    ResponseEntity<Checkpoint> take() {
        return checkpoints.checkpointNow()
                .map(checkpoint -> ResponseEntity.status(HttpStatus.CREATED).body(checkpoint))
                .orElseThrow(() -> new ConflictException("Every event is already covered by a checkpoint"));
    }

    @GetMapping("/audit/checkpoints/key")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    SigningKey key() {
        return new SigningKey(signer.keyId(), "Ed25519", signer.publicKey());
    }
}
