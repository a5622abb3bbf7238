package io.triage.audit.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.azure.core.exception.AzureException;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobImmutabilityPolicy;
import com.azure.storage.blob.models.BlobImmutabilityPolicyMode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blob container in which every name is written once: uploads carry {@code If-None-Match: *}, so an existing blob
 * is never replaced, whoever else holds write access. Where the container has version-level immutability (checked
 * once, on first use), each upload also carries the {@link Protection} (immutability policy, legal hold), so not even
 * the account's data owners can change or delete it before it expires; a container without it is logged (Azurite
 * has none), or refused when immutable storage is required. The container is created if it does not exist.
 */
public final class WriteOnceContainer {

    private static final Logger logger = LoggerFactory.getLogger(WriteOnceContainer.class);

    private final BlobContainerClient container;
    private final Protection protection;
    private final boolean requireImmutable;
    private final Duration timeout;
    private volatile @Nullable Boolean immutable;

    WriteOnceContainer(BlobContainerClient container, Protection protection, boolean requireImmutable,
            Duration timeout) {
        this.container = container;
        this.protection = protection;
        this.requireImmutable = requireImmutable;
        this.timeout = timeout;
    }

    /** Uploads {@code content} as {@code name}; {@code false} (nothing written) when that name already exists. */
    public boolean create(String name, BinaryData content) throws IOException {
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(content)
                .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
        if (immutable()) {
            if (protection.retain() != null) {
                options.setImmutabilityPolicy(new BlobImmutabilityPolicy()
                        .setExpiryTime(OffsetDateTime.now(ZoneOffset.UTC).plus(protection.retain()))
                        .setPolicyMode(protection.locked() ? BlobImmutabilityPolicyMode.LOCKED
                                : BlobImmutabilityPolicyMode.UNLOCKED));
            }
            if (protection.legalHold()) {
                options.setLegalHold(true);
            }
        }
        try {
            blob(name).uploadWithResponse(options, timeout, Context.NONE);
            return true;
        } catch (BlobStorageException e) {
            // a single Put Blob answers 409 BlobAlreadyExists; a staged upload's commit answers 412
            if (BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode())
                    || BlobErrorCode.CONDITION_NOT_MET.equals(e.getErrorCode())) {
                return false;
            }
            throw failed("writing", name, e);
        } catch (AzureException e) {
            throw failed("writing", name, e);
        }
    }

    /** Streams a blob; a missing one is a {@link NoSuchFileException}. */
    public InputStream open(String name) throws IOException {
        try {
            return blob(name).openInputStream();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                throw new NoSuchFileException(url() + "/" + name);
            }
            throw failed("reading", name, e);
        } catch (AzureException e) {
            throw failed("reading", name, e);
        }
    }

    /** A small blob's content, or empty when there is none of that name. */
    public Optional<byte[]> read(String name) throws IOException {
        try {
            return Optional.of(blob(name).downloadContent().toBytes());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw failed("reading", name, e);
        } catch (AzureException e) {
            throw failed("reading", name, e);
        }
    }

    public boolean exists(String name) {
        return blob(name).exists();
    }

    /**
     * Deletes a blob and, where the account keeps blob versions, its earlier versions too (retention means gone).
     * Refused by the service while an immutability policy or legal hold still protects it.
     */
    public void delete(String name) throws IOException {
        try {
            blob(name).deleteIfExists();
            ListBlobsOptions versions = new ListBlobsOptions().setPrefix(name)
                    .setDetails(new BlobListDetails().setRetrieveVersions(true));
            for (BlobItem item : container.listBlobs(versions, timeout)) {
                if (item.getName().equals(name) && item.getVersionId() != null) {
                    blob(name).getVersionClient(item.getVersionId()).deleteIfExists();
                }
            }
        } catch (AzureException e) {
            throw failed("deleting", name, e);
        }
    }

    /** The names of the blobs starting with {@code prefix}, in lexical order. */
    public List<String> names(String prefix) throws IOException {
        immutable();
        List<String> names = new ArrayList<>();
        try {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), timeout)) {
                names.add(item.getName());
            }
        } catch (AzureException e) {
            throw failed("listing", prefix + "*", e);
        }
        return names.stream().sorted().toList();
    }

    public String url() {
        return container.getBlobContainerUrl();
    }

    /**
     * Whether the container has version-level immutability; creates the container on first use. Refuses a mutable
     * container when immutable storage is required.
     */
    public boolean immutable() {
        Boolean known = immutable;
        if (known == null) {
            known = inspect();
            immutable = known;
        }
        return known;
    }

    private synchronized boolean inspect() {
        if (immutable != null) {
            return immutable;
        }
        container.createIfNotExists();
        boolean worm = Boolean.TRUE.equals(container.getProperties().isImmutableStorageWithVersioningEnabled());
        if (!worm && requireImmutable) {
            throw new IllegalStateException("container " + url() + " has no version-level immutability, which "
                    + "triage.audit.azure.require-immutable-storage demands");
        }
        if (!worm) {
            logger.warn("Container {} has no version-level immutability: its blobs are write-once by If-None-Match "
                    + "only, and whoever holds the account's keys can still delete them", url());
        }
        return worm;
    }

    private BlobClient blob(String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("blob names are flat: " + name);
        }
        return container.getBlobClient(name);
    }

    private IOException failed(String doing, String name, AzureException e) {
        return new IOException(doing + " " + url() + "/" + name + " failed: " + e.getMessage(), e);
    }
}
