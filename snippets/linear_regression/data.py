# --8<-- [start:synthetic]
import random

import torch

torch.manual_seed(0)
random.seed(0)


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)
print("features:", features.shape, features[0])
print("labels:  ", labels.shape, labels[0])
# --8<-- [end:synthetic]

# --8<-- [start:noise]
noise = labels - (features @ true_w + true_b).reshape(-1, 1)
print(f"noise:    mean {noise.mean():+.5f}, std {noise.std():.5f}")
print(f"features: mean {features.mean():+.5f}, std {features.std():.5f}")
# --8<-- [end:noise]

# --8<-- [start:scatter]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(4.5, 3.2))
ax.plot(features[:, 1], labels[:, 0], "o", markersize=1.5, color="C0")
ax.set_xlabel("$x_2$")
ax.set_ylabel("$y$")
fig.tight_layout()
plt.savefig("linreg-scatter.svg")
# --8<-- [end:scatter]


# --8<-- [start:data-iter]
def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


batch_size = 10
for X, y in data_iter(batch_size, features, labels):
    print(X.shape, y.shape)
    print(X[:3], "\n", y[:3])
    break
# --8<-- [end:data-iter]

# --8<-- [start:generator]
batches = data_iter(batch_size, features, labels)
print(type(batches).__name__)
first_X, first_y = next(batches)
print(first_X.shape, "then", sum(1 for _ in batches), "more batches")
print(sum(1 for _ in batches), "batches left")
fresh = data_iter(batch_size, features, labels)
print(sum(1 for _ in fresh), "batches in a fresh pass")
# --8<-- [end:generator]

# --8<-- [start:unpack-error]
try:
    X, y = data_iter(10, features, labels)
except ValueError as err:
    print("ValueError:", err)

X, y = data_iter(500, features, labels)
print(type(X).__name__, len(X), X[0].shape, X[1].shape)
# --8<-- [end:unpack-error]


# --8<-- [start:typo]
def data_iter_typo(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_expamles, batch_size):  # noqa: F821
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


batches = data_iter_typo(10, features, labels)
print("created:", type(batches).__name__)
try:
    next(batches)
except NameError as err:
    print("NameError:", err)
# --8<-- [end:typo]
