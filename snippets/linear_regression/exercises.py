# --8<-- [start:ohms-law]
import random

import torch

torch.manual_seed(0)


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


true_R = 5.0
current = 2 * torch.rand(1000, 1)
voltage = true_R * current + torch.normal(0, 0.1, current.shape)


def fit_ohm(num_epochs, lr=0.03, batch_size=10):
    random.seed(0)
    R = torch.zeros(1, 1, requires_grad=True)
    U0 = torch.zeros(1, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, current, voltage):
            squared_loss(linreg(X, R, U0), y).sum().backward()
            sgd([R, U0], lr, batch_size)
    return R.item(), U0.item()


for num_epochs in (3, 20):
    R, U0 = fit_ohm(num_epochs)
    print(f"{num_epochs:2} epochs:     R = {R:.4f} ohm, U0 = {U0:+.4f} V")
X1 = torch.cat([current, torch.ones_like(current)], dim=1).double()
R, U0 = torch.linalg.lstsq(X1, voltage.double()).solution.flatten().tolist()
print(f"least squares: R = {R:.4f} ohm, U0 = {U0:+.4f} V")
eigenvalues = torch.linalg.eigvalsh(X1.T @ X1 / len(X1))
print("Hessian eigenvalues:", eigenvalues.numpy().round(3))
slow = 1 - 0.03 * eigenvalues.min().item()
print(f"per step {slow:.4f}, after 300 steps {slow**300:.2f}, after 2000 steps {slow**2000:.0e}")
# --8<-- [end:ohms-law]

# --8<-- [start:zero-init]
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

w = torch.zeros(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr, batch_size = 0.03, 10
for _ in range(3):
    for X, y in data_iter(batch_size, features, labels):
        squared_loss(linreg(X, w, b), y).sum().backward()
        sgd([w, b], lr, batch_size)
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
