# --8<-- [start:autograd-program]
import torch


def newton_sqrt(x, steps=20):
    y = x
    for _ in range(steps):
        y = (y + x / y) / 2
    return y


x = torch.tensor(2.0, requires_grad=True)
y = newton_sqrt(x)
y.backward()
print(f"y = {y.item():.6f}, dy/dx = {x.grad.item():.6f}")
print(f"1 / (2 sqrt(x)) = {1 / (2 * x.item() ** 0.5):.6f}")
# --8<-- [end:autograd-program]

# --8<-- [start:zero-init]
import random

torch.manual_seed(0)
random.seed(0)


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)

w = torch.zeros(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr, batch_size = 0.03, 10
for _ in range(3):
    for X, y in data_iter(batch_size, features, labels):
        ((X @ w + b - y) ** 2 / 2).sum().backward()
        with torch.no_grad():
            for param in (w, b):
                param -= lr * param.grad / batch_size
                param.grad.zero_()
print("error in w:", (true_w - w.detach().flatten()).numpy().round(4))
print("error in b:", round(true_b - b.item(), 4))
# --8<-- [end:zero-init]

# --8<-- [start:zero-init-mlp]
from torch import nn

mlp = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
for param in mlp.parameters():
    nn.init.zeros_(param)
trainer = torch.optim.SGD(mlp.parameters(), lr=0.03)
for _ in range(3):
    for X, y in data_iter(batch_size, features, labels):
        trainer.zero_grad()
        nn.functional.mse_loss(mlp(X), y).backward()
        trainer.step()
print("hidden weights:", mlp[0].weight.detach().flatten())
with torch.no_grad():
    mse = nn.functional.mse_loss(mlp(features), labels)
print(f"MSE {mse:.2f}, variance of labels {labels.var(correction=0):.2f}")
# --8<-- [end:zero-init-mlp]

# --8<-- [start:reshape]
y_hat = torch.tensor([[1.0], [2.0], [3.0]])
y = torch.tensor([1.0, 2.0, 3.0])
for diff in (y_hat - y, y_hat - y.reshape(y_hat.shape)):
    print(diff.shape, (diff**2 / 2).mean())
# --8<-- [end:reshape]

# --8<-- [start:last-batch]
sizes = [len(y) for _, y in data_iter(64, features, labels)]
print(len(sizes), "batches:", sizes[:3], "...", sizes[-2:])
print(f"last step of sgd(..., 64): {sizes[-1] / 64:.3f} of a full step")
# --8<-- [end:last-batch]
