# --8<-- [start:direction]
import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
loss = (w**2).sum()
loss.backward()
g = w.grad
print("gradient:", g)
with torch.no_grad():
    print(f"L(w)         = {loss.item():.2f}")
    print(f"L(w + 0.1 g) = {((w + 0.1 * g) ** 2).sum().item():.2f}")
    print(f"L(w - 0.1 g) = {((w - 0.1 * g) ** 2).sum().item():.2f}")
# --8<-- [end:direction]


# --8<-- [start:gd-paths]
def loss_fn(w):
    return w**2


def grad_fn(w):
    return 2 * w


def gd_path(eta, w0=4.0, steps=10):
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] - eta * grad_fn(path[-1]))
    return path


etas = (0.05, 0.3, 1.05)
for eta in etas:
    path = gd_path(eta)
    print(f"eta={eta:<4}  w_10={path[-1]:8.3f}  loss={loss_fn(path[-1]):9.3f}")
# --8<-- [end:gd-paths]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 3, figsize=(9, 3), sharey=True)
grid = torch.linspace(-11, 11, 221)
for ax, eta in zip(axes, etas, strict=True):
    path = torch.tensor(gd_path(eta))
    ax.plot(grid, loss_fn(grid), color="0.6", linewidth=1)
    ax.plot(path, loss_fn(path), "o-", color="C3", markersize=3, linewidth=1)
    ax.set_title(f"$\\eta={eta}$")
    ax.set_xlabel("$w$")
    ax.set_xlim(-11, 11)
    ax.set_ylim(-3, 121)
axes[0].set_ylabel("$L(w) = w^2$")
fig.tight_layout()
plt.savefig("linreg-learning-rates.svg")
# --8<-- [end:figure]
