# --8<-- [start:arrows]
import torch

ticks = torch.linspace(-2, 2, 9, dtype=torch.float64)
X1, X2 = torch.meshgrid(ticks, ticks, indexing="xy")
P = torch.stack([X1.flatten(), X2.flatten()], dim=1).requires_grad_(True)
Y = P[:, 0] ** 2 + 2 * P[:, 1] ** 2
Y.sum().backward()
G = P.grad
exact = torch.stack([2 * P[:, 0], 4 * P[:, 1]], dim=1).detach()
print(P.shape, G.shape)
print(torch.equal(G, exact))
# --8<-- [end:arrows]

# --8<-- [start:orthogonal]
c = 3.0
r1, r2 = c**0.5, (c / 2) ** 0.5
t = torch.linspace(0, 2 * torch.pi, 13, dtype=torch.float64)[:-1]
Q = torch.stack([r1 * torch.cos(t), r2 * torch.sin(t)], dim=1).requires_grad_(True)
tangent = torch.stack([-r1 * torch.sin(t), r2 * torch.cos(t)], dim=1)
(Q[:, 0] ** 2 + 2 * Q[:, 1] ** 2).sum().backward()
print(round((Q.grad * tangent).sum(dim=1).abs().max().item(), 8))
# --8<-- [end:orthogonal]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

fine = torch.linspace(-2.2, 2.2, 112, dtype=torch.float64)
F1, F2 = torch.meshgrid(fine, fine, indexing="xy")
Yf = F1**2 + 2 * F2**2
levels = [1, 2, 4, 5, 6, 7, 8]
fig, ax = plt.subplots(figsize=(5.5, 5.5))
cs = ax.contour(F1, F2, Yf, levels=levels, colors="0.6", linewidths=1)
spots = [(-0.5 * v**0.5, -0.61 * v**0.5) for v in levels]
ax.clabel(cs, fontsize=8, fmt="%g", manual=spots)
ax.contour(F1, F2, Yf, levels=[3], colors="tab:red", linewidths=1.2)
P0, G0 = P.detach(), G.detach()
red = (P0[:, 0] == 1) & (P0[:, 1] == 1)
style = {"angles": "xy", "scale_units": "xy"}
ax.quiver(*P0[~red].T, *G0[~red].T, **style, scale=20, color="tab:blue", width=0.004)
ax.quiver(*P0[red].T, *G0[red].T, **style, scale=5, color="tab:red", width=0.007)
ax.plot([1.0], [1.0], "o", color="tab:red", markersize=4)
ax.annotate(r"$\nabla y(1,1) = (2, 4)$", (1.35, 1.85), color="tab:red", fontsize=10)
ax.annotate("$y = 3$", (-0.75, 1.32), color="tab:red", fontsize=9)
ax.set_aspect("equal")
ax.set_xlim(-2.2, 2.2)
ax.set_ylim(-2.2, 2.2)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_title(r"$y = x_1^2 + 2x_2^2$")
fig.tight_layout()
plt.savefig("autograd-gradient-field.svg")
# --8<-- [end:plot]
