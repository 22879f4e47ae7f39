# --8<-- [start:figure]
import matplotlib.pyplot as plt

nodes = {
    "x": (0.0, 2.2, r"$\mathbf{x}$"),
    "w": (0.0, 0.4, r"$\mathbf{w}$"),
    "a": (2.6, 1.3, r"$a = \langle \mathbf{x}, \mathbf{w} \rangle$"),
    "y": (2.6, -0.6, r"$y$"),
    "b": (5.0, 0.35, r"$b = a - y$"),
    "z": (7.2, 0.35, r"$z = b^2$"),
}
forward = [("x", "a"), ("w", "a"), ("a", "b"), ("y", "b"), ("b", "z")]
da_dw = r"$\frac{\partial a}{\partial \mathbf{w}} = \mathbf{x}$"
backward = [
    ("z", "b", 0.5, (6.1, 1.05), r"$\frac{\partial z}{\partial b} = 2b$"),
    ("b", "a", 0.4, (4.3, 1.55), r"$\frac{\partial b}{\partial a} = 1$"),
    ("a", "w", -0.5, (0.85, -0.05), da_dw),
]
fig, ax = plt.subplots(figsize=(8, 3.6))
box = {"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "0.3"}
text = {
    key: ax.text(x0, y0, label, ha="center", va="center", fontsize=13, bbox=box)
    for key, (x0, y0, label) in nodes.items()
}


def arrow(src, dst, **style):
    patches = {"patchA": text[src].get_bbox_patch(), "patchB": text[dst].get_bbox_patch()}
    props = {"arrowstyle": "-|>", "shrinkA": 3, "shrinkB": 3, **patches, **style}
    ax.annotate("", xy=nodes[dst][:2], xytext=nodes[src][:2], arrowprops=props)


for src, dst in forward:
    arrow(src, dst, color="0.2")
for src, dst, rad, where, label in backward:
    arrow(src, dst, color="tab:red", linestyle="--", connectionstyle=f"arc3,rad={rad}")
    ax.text(*where, label, ha="center", va="center", color="tab:red", fontsize=13)
ax.set_xlim(-0.6, 7.9)
ax.set_ylim(-1.0, 2.6)
ax.axis("off")
fig.tight_layout()
plt.savefig("autograd-computation-graph.svg")
# --8<-- [end:figure]

# --8<-- [start:grad-fn]
import torch

x = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = torch.tensor(1.0)
a = torch.dot(x, w)
b = a - y
z = b**2
print(z)
print(z.grad_fn.name(), z.is_leaf, w.is_leaf, w.grad_fn)
print([(fn.name() if fn else None) for fn, _ in b.grad_fn.next_functions])
# --8<-- [end:grad-fn]


# --8<-- [start:walk-graph]
def show_graph(fn, depth=0):
    print("    " * depth + fn.name())
    for next_fn, _ in fn.next_functions:
        if next_fn is not None:
            show_graph(next_fn, depth + 1)


show_graph(z.grad_fn)
leaf = a.grad_fn.next_functions[1][0]
print(leaf.name(), leaf.variable is w)
# --8<-- [end:walk-graph]


# --8<-- [start:forward-reverse]
def forward_mode(w, e):
    a, da = torch.dot(x, w), torch.dot(x, e)
    b, db = a - y, da
    z, dz = b**2, 2 * b * db
    return z, dz


def reverse_mode(w):
    a = torch.dot(x, w)
    b = a - y
    z = b**2
    dz = torch.tensor(1.0)
    db = dz * 2 * b
    da = db * 1
    return z, da * x


w0 = w.detach()
print(torch.stack([forward_mode(w0, e)[1] for e in torch.eye(3)]))
print(reverse_mode(w0)[1])
z.backward()
print(w.grad)
# --8<-- [end:forward-reverse]
