# --8<-- [start:setup]
import random

import torch

torch.manual_seed(0)


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


def linreg(X, w, b):
    return torch.matmul(X, w) + b


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)
w_init = torch.normal(0, 0.01, size=(2, 1))
# --8<-- [end:setup]


# --8<-- [start:variants]
def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def squared_loss_divided(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2 / len(y)


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def sgd_no_division(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad
            param.grad.zero_()


variants = {
    "(a)": (squared_loss, sgd, 0.03),
    "(b)": (squared_loss_divided, sgd_no_division, 0.03),
    "(c)": (squared_loss_divided, sgd, 0.03),
    "(d)": (squared_loss, sgd_no_division, 0.03),
    "(e)": (squared_loss_divided, sgd_no_division, 0.15),
}
# --8<-- [end:variants]


# --8<-- [start:train]
def full_loss(w, b):
    with torch.no_grad():
        return float(squared_loss(linreg(features, w, b), labels).mean())


def train(loss, update, lr, batch_size, num_epochs=5):
    random.seed(0)
    w = w_init.clone().requires_grad_(True)
    b = torch.zeros(1, requires_grad=True)
    curve, per_epoch = [full_loss(w, b)], []
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels):
            loss(linreg(X, w, b), y).sum().backward()
            update([w, b], lr, batch_size)
            curve.append(full_loss(w, b))
        per_epoch.append(curve[-1])
    return w.detach(), b.detach(), per_epoch, curve


def show(results):
    print("epoch " + "".join(f"{name:>11}" for name in results))
    columns = [per_epoch for _, _, per_epoch, _ in results.values()]
    for epoch, row in enumerate(zip(*columns, strict=True), 1):
        print(f"{epoch:5} " + "".join(f"{value:11.2e}" for value in row))


results = {name: train(*spec, batch_size=10) for name, spec in variants.items()}
show(results)
# --8<-- [end:train]

# --8<-- [start:same-updates]
w_a, b_a = results["(a)"][:2]
w_b, b_b = results["(b)"][:2]
print("(a) w:", w_a.flatten(), "b:", b_a)
print("(b) w:", w_b.flatten(), "b:", b_b)
print("identical:", torch.equal(w_a, w_b) and torch.equal(b_a, b_b))
# --8<-- [end:same-updates]

# --8<-- [start:batch-100]
results_100 = {}
for name in ("(a)", "(c)", "(d)"):
    results_100[name] = train(*variants[name], batch_size=100)
show(results_100)
X1 = torch.cat([features, torch.ones(len(features), 1)], dim=1)
eigenvalues = torch.linalg.eigvalsh(X1.T @ X1 / len(X1))
print("Hessian eigenvalues:", eigenvalues.numpy().round(3))
print(f"2 / largest eigenvalue: {2 / eigenvalues.max():.2f}")
# --8<-- [end:batch-100]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharey=True)
for ax, res, size in ((axes[0], results, 10), (axes[1], results_100, 100)):
    for name, (*_, curve) in res.items():
        style = "--" if name == "(b)" else "-"
        color = f"C{'abcde'.index(name[1])}"
        ax.plot(curve, style, label=name, color=color, linewidth=1.2)
    ax.set_yscale("log")
    ax.set_ylim(1e-5, 1e3)
    ax.set_title(f"$|\\mathcal{{B}}| = {size}$")
    ax.set_xlabel("$t$")
    ax.legend(ncol=2, fontsize=8)
axes[0].set_ylabel("$L(\\mathbf{w}, b)$")
fig.tight_layout()
plt.savefig("linreg-variants.svg")
# --8<-- [end:figure]

# --8<-- [start:printed-loss]
w, b = results["(a)"][:2]
batch_size = 10
with torch.no_grad():
    err = linreg(features, w, b) - labels
    print(f"book, notes 002-003: {float((err**2 / 2).mean()):.6f}")
    print(f"note 000:            {float((err**2 / (2 * len(labels))).sum()):.6f}")
    print(f"note 004:            {float((err**2 / 2 / batch_size).mean()):.6f}")
    mse = torch.nn.MSELoss()(err, torch.zeros_like(err))
    print(f"nn.MSELoss():        {float(mse):.6f}")
# --8<-- [end:printed-loss]
