# --8<-- [start:l1]
import torch

u = torch.tensor([-3, 4])
print(u.dtype)
print(torch.abs(u).sum())
print(torch.abs(u.float()).sum())
# --8<-- [end:l1]

# --8<-- [start:l2-int]
try:
    torch.norm(u)
except RuntimeError as err:
    print(err)
# --8<-- [end:l2-int]

# --8<-- [start:l2]
v = u.float()
print(torch.norm(v))
print(torch.linalg.vector_norm(v))
print(torch.linalg.norm(v))
print(torch.sqrt((v**2).sum()))
print(torch.linalg.vector_norm(v, ord=1))
print(torch.linalg.vector_norm(v, ord=float("inf")))
# --8<-- [end:l2]

# --8<-- [start:frobenius]
M = torch.ones((4, 9))
print(torch.norm(M))
print(torch.linalg.matrix_norm(M))
print(torch.linalg.norm(M))
print(torch.linalg.vector_norm(M.reshape(-1)))
# --8<-- [end:frobenius]

# --8<-- [start:matrix-norm]
D = torch.tensor([[3.0, 0.0], [0.0, 4.0]])
print(torch.linalg.matrix_norm(D))
print(torch.linalg.matrix_norm(D, ord=2))
print(torch.linalg.svdvals(D))
print(torch.linalg.matrix_norm(M, ord=2))
# --8<-- [end:matrix-norm]

# --8<-- [start:unit-balls]
import matplotlib.pyplot as plt

theta = torch.linspace(0, 2 * torch.pi, 201)
directions = torch.stack([torch.cos(theta), torch.sin(theta)], dim=1)
fig, ax = plt.subplots(figsize=(4, 4))
labels = {1: "1", 2: "2", float("inf"): r"\infty"}
for p, name in labels.items():
    points = directions / torch.linalg.vector_norm(directions, ord=p, dim=1, keepdim=True)
    ax.plot(points[:, 0], points[:, 1], label=rf"$\Vert x \Vert_{{{name}}} = 1$")
ax.plot([-0.6], [0.8], "ko", markersize=4)
ax.annotate(
    r"$u / \Vert u \Vert_2$",
    (-0.6, 0.8),
    textcoords="offset points",
    xytext=(-30, 28),
    arrowprops={"arrowstyle": "-", "linewidth": 0.8},
)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_aspect("equal")
ax.set_xlim(-1.4, 1.4)
ax.set_ylim(-1.4, 1.4)
ax.grid(alpha=0.3)
ax.legend(loc="center", fontsize=8)
fig.tight_layout()
plt.savefig("linear-algebra-unit-balls.svg")
print(torch.linalg.vector_norm(torch.tensor([-0.6, 0.8])))
# --8<-- [end:unit-balls]
