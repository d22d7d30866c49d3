package dev.winback.lapse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Transactions in any order, handed out sorted by customer id and time: runs of at most {@code bufferSize}
 * transactions are sorted in memory and, when the log is longer than one run, written to temporary files and merged
 * (a k-way merge reading one transaction per run at a time). The files are deleted on {@link #close()}. Not
 * thread-safe.
 */
final class ExternalSort implements Iterator<CustomerSummaries.Transaction>, Closeable {
  private static final Comparator<CustomerSummaries.Transaction> ORDER = Comparator.comparing(
          CustomerSummaries.Transaction::customerId)
      .thenComparing(CustomerSummaries.Transaction::at);

  private final List<Path> files = new ArrayList<>();
  private final List<DataInputStream> inputs = new ArrayList<>();
  private final PriorityQueue<Head> heads =
      new PriorityQueue<>(Comparator.comparing(Head::transaction, ORDER));
  private @Nullable Path directory;
  private CustomerSummaries.Transaction @Nullable [] memory;
  private int position;

  private record Head(CustomerSummaries.Transaction transaction, int run) {}

  private ExternalSort() {}

  static ExternalSort of(Iterator<CustomerSummaries.Transaction> log, int bufferSize)
      throws IOException {
    ExternalSort sort = new ExternalSort();
    try {
      sort.load(log, bufferSize);
    } catch (IOException | RuntimeException e) {
      sort.close();
      throw e;
    }
    return sort;
  }

  private void load(Iterator<CustomerSummaries.Transaction> log, int bufferSize)
      throws IOException {
    CustomerSummaries.Transaction[] buffer =
        new CustomerSummaries.Transaction[Math.min(bufferSize, 1 << 16)];
    int size = 0;
    while (log.hasNext()) {
      if (size == buffer.length) {
        if (size < bufferSize) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(bufferSize, 2L * size));
        } else {
          spill(buffer, size);
          size = 0;
        }
      }
      buffer[size++] = log.next();
    }
    if (files.isEmpty()) {
      Arrays.sort(buffer, 0, size, ORDER);
      memory = Arrays.copyOf(buffer, size);
      return;
    }
    if (size > 0) {
      spill(buffer, size);
    }
    for (int run = 0; run < files.size(); run++) {
      DataInputStream in = new DataInputStream(
          new BufferedInputStream(Files.newInputStream(files.get(run)), 1 << 16));
      inputs.add(in);
      CustomerSummaries.Transaction first = read(in);
      if (first != null) {
        heads.add(new Head(first, run));
      }
    }
  }

  private void spill(CustomerSummaries.Transaction[] buffer, int size) throws IOException {
    Arrays.sort(buffer, 0, size, ORDER);
    Path dir = directory;
    if (dir == null) {
      dir = Files.createTempDirectory("winback-lapse-sort");
      directory = dir;
    }
    Path file = dir.resolve("run-" + files.size());
    files.add(file);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      for (int i = 0; i < size; i++) {
        CustomerSummaries.Transaction t = buffer[i];
        out.writeUTF(t.customerId());
        out.writeLong(t.at().getEpochSecond());
        out.writeInt(t.at().getNano());
        out.writeDouble(t.amount());
        buffer[i] = null;
      }
    }
  }

  private static CustomerSummaries.@Nullable Transaction read(DataInputStream in)
      throws IOException {
    String id;
    try {
      id = in.readUTF();
    } catch (EOFException end) {
      return null;
    }
    long seconds = in.readLong();
    int nanos = in.readInt();
    return new CustomerSummaries.Transaction(
        id, Instant.ofEpochSecond(seconds, nanos), in.readDouble());
  }

  @Override
  public boolean hasNext() {
    CustomerSummaries.Transaction[] sorted = memory;
    return sorted != null ? position < sorted.length : !heads.isEmpty();
  }

  @Override
  public CustomerSummaries.Transaction next() {
    CustomerSummaries.Transaction[] sorted = memory;
    if (sorted != null) {
      if (position >= sorted.length) {
        throw new NoSuchElementException();
      }
      CustomerSummaries.Transaction t = sorted[position];
      sorted[position++] = null;
      return t;
    }
    Head head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    try {
      CustomerSummaries.Transaction following = read(inputs.get(head.run()));
      if (following != null) {
        heads.add(new Head(following, head.run()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a sorted run of the transaction log", e);
    }
    return head.transaction();
  }

  /** The directory of the sorted runs, when the log did not fit in one buffer. */
  java.util.Optional<Path> directory() {
    return java.util.Optional.ofNullable(directory);
  }

  /** How many runs were written to disk (0 when the log fitted in one buffer). */
  int runs() {
    return files.size();
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (DataInputStream in : inputs) {
      try {
        in.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    Path dir = directory;
    if (dir != null) {
      Files.deleteIfExists(dir);
    }
    if (failure != null) {
      throw failure;
    }
  }
}
