# --8<-- [start:setup]
import os
import platform
import random
import statistics
import sys
import time

import torch
from torch.utils import data

QUICK = "--quick" in sys.argv[1:]  # python bench_iterators.py --quick: fewer examples and runs
num_examples = 2000 if QUICK else 10000
repeats = 3 if QUICK else 7

torch.manual_seed(0)
random.seed(0)
features = torch.normal(0, 1, (num_examples, 2))
labels = torch.normal(0, 1, (num_examples, 1))


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


def dataloader_iter(batch_size, features, labels):
    dataset = data.TensorDataset(features, labels)
    return data.DataLoader(dataset, batch_size, shuffle=True)


def randperm_iter(batch_size, features, labels):
    indices = torch.randperm(len(features))
    for i in range(0, len(features), batch_size):
        batch_indices = indices[i : i + batch_size]
        yield features[batch_indices], labels[batch_indices]


# --8<-- [end:setup]


# --8<-- [start:measure]
def batches_per_second(make_iter, batch_size):
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        num_batches = sum(1 for _ in make_iter(batch_size, features, labels))
        rates.append(num_batches / (time.perf_counter() - start))
    return statistics.median(rates)


iterators = {
    "data_iter": data_iter,
    "DataLoader": dataloader_iter,
    "randperm": randperm_iter,
}
print(f"{'batch size':>10}" + "".join(f"{name:>12}" for name in iterators))
for batch_size in (10, 100, 1000):
    rates = [batches_per_second(it, batch_size) for it in iterators.values()]
    print(f"{batch_size:>10}" + "".join(f"{rate:>12,.0f}" for rate in rates))
# --8<-- [end:measure]

# --8<-- [start:machine]
cpu = platform.processor() or platform.machine()
if os.path.exists("/proc/cpuinfo"):
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
print(f"torch {torch.__version__}, {cpu}, {torch.get_num_threads()} threads")
print(f"{num_examples} examples x 2 features, median of {repeats} runs, batches/s")
# --8<-- [end:machine]
