# --8<-- [start:data]
import random

import torch

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
# --8<-- [end:data]

# --8<-- [start:init]
w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
print(w, b, sep="\n")
# --8<-- [end:init]

# --8<-- [start:init-bug]
try:
    torch.zeros(1, requires_grad)  # noqa: F821
except NameError as err:
    print("NameError:", err)
# --8<-- [end:init-bug]


# --8<-- [start:model]
def linreg(X, w, b):
    return torch.matmul(X, w) + b
    # --8<-- [end:model]


# --8<-- [start:loss]
def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
    # --8<-- [end:loss]


# --8<-- [start:sgd]
def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()
    # --8<-- [end:sgd]


# --8<-- [start:train]
lr = 0.03
num_epochs = 3
batch_size = 10
net = linreg
loss = squared_loss

for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        batch_loss = loss(net(X, w, b), y)
        batch_loss.sum().backward()
        sgd([w, b], lr, batch_size)
    with torch.no_grad():
        train_l = loss(net(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
# --8<-- [end:train]

# --8<-- [start:error]
print(f"error in w: {true_w - w.reshape(true_w.shape)}")
print(f"error in b: {true_b - b}")
with torch.no_grad():
    print(f"error in w: {true_w - w.reshape(true_w.shape)}")
    print(f"error in b: {(true_b - b).item():.6f}")
# --8<-- [end:error]

# --8<-- [start:half-mse]
with torch.no_grad():
    y_hat = net(features, w, b)
    half = float(squared_loss(y_hat, labels).mean())
    mse = float(((y_hat - labels) ** 2).mean())
print(f"mean of 1/2 (y_hat - y)^2: {half:.6f}")
print(f"mean of (y_hat - y)^2:     {mse:.6f}  (ratio {mse / half:.1f})")
# --8<-- [end:half-mse]
