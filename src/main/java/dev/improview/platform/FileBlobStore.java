package dev.improview.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Blobs as files under {@code improview.blobs.dir}: {@code ab/cd/abcd…} by key. A blob is written
 * to a temporary file in the same directory, synced, then moved into place atomically, so a reader
 * (or a crash) never sees half a blob; a blob that exists already is left as it is, its content
 * being the same by construction.
 */
@Component
class FileBlobStore implements BlobStore {

  private final Path root;

  FileBlobStore(BlobProperties properties) {
    this.root = properties.dir().toAbsolutePath().normalize();
  }

  @Override
  public String put(byte[] bytes) {
    String key = BlobStore.keyOf(bytes);
    Path target = path(key);
    if (Files.exists(target)) {
      return key;
    }
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
      try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        var buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // Another writer placed the same content first (or the file system cannot move
        // atomically over an existing file): what is there is what we would have written.
        if (!Files.exists(target)) {
          throw e;
        }
      }
      temp = null;
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store blob " + key + " under " + root, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // Best effort: a stray temporary file holds no blob.
        }
      }
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    if (!BlobStore.isKey(key)) {
      throw new IllegalArgumentException("not a blob key: " + key);
    }
    try {
      return Optional.of(Files.readAllBytes(path(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read blob " + key + " under " + root, e);
    }
  }

  @Override
  public void delete(String key) {
    if (!BlobStore.isKey(key)) {
      throw new IllegalArgumentException("not a blob key: " + key);
    }
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete blob " + key + " under " + root, e);
    }
  }

  private Path path(String key) {
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }
}
