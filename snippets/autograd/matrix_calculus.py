# --8<-- [start:shapes]
import torch
from torch.autograd.functional import jacobian

x_scalar = torch.tensor(2.0)
x_vector = torch.tensor([1.0, 2.0, 3.0])
A = torch.arange(6.0).reshape(2, 3)

print(jacobian(lambda x: x**3, x_scalar).shape)
print(jacobian(lambda x: (x**2).sum(), x_vector).shape)
print(jacobian(lambda x: torch.stack([x, x**2]), x_scalar).shape)
J = jacobian(lambda x: A @ x, x_vector)
print(J.shape, J.T.shape)
print(torch.equal(J, A), torch.equal(J.T, A.T))
# --8<-- [end:shapes]


# --8<-- [start:rules]
def derivative(f, x):
    """Denominator layout, built from x.grad: column j is the gradient of f(x)[j]."""
    x = x.detach().requires_grad_(True)
    y = f(x)
    if y.dim() == 0:
        y.backward()
        return x.grad
    columns = []
    for j in range(len(y)):
        x.grad = None
        f(x)[j].backward()
        columns.append(x.grad)
    return torch.stack(columns, dim=1)


torch.manual_seed(0)
n, m = 3, 2
x = torch.randn(n, dtype=torch.float64)
w = torch.randn(n, dtype=torch.float64)
A = torch.randn(m, n, dtype=torch.float64)
B = torch.randn(n, m, dtype=torch.float64)
S = torch.randn(n, n, dtype=torch.float64)
rules = [
    ("x^T w", lambda x: x @ w, w),
    ("sum(x)", lambda x: x.sum(), torch.ones(n, dtype=torch.float64)),
    ("||x||^2", lambda x: x @ x, 2 * x),
    ("A x", lambda x: A @ x, A.T),
    ("x^T B", lambda x: x @ B, B),
    ("x^T S x", lambda x: x @ S @ x, (S + S.T) @ x),
]
for name, f, formula in rules:
    d = derivative(f, x)
    print(f"{name:8} {tuple(d.shape)!s:7} {torch.allclose(d, formula)}")
print(torch.equal(derivative(lambda x: A @ x, x), jacobian(lambda x: A @ x, x).T))
# --8<-- [end:rules]

# --8<-- [start:grad-shape]
X = torch.ones(2, 3, requires_grad=True)
(X**2).sum().backward()
print(X.grad.shape == X.shape)
print(X.grad)
# --8<-- [end:grad-shape]


# --8<-- [start:numgrad]
def numerical_grad(f, x, h=1e-5):
    x = x.detach().double()
    grad = torch.zeros_like(x)
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        grad.view(-1)[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def max_err(a, b):
    return round((a.double() - b.double()).abs().max().item(), 8)


estimate = numerical_grad(lambda x: (x**2).sum(), torch.tensor([1.0, 2.0, 3.0]))
print(estimate.round(decimals=6))
# --8<-- [end:numgrad]


# --8<-- [start:gradient]
def y_of(x):
    return x[0] ** 2 + 2 * x[1] ** 2


x = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
y_of(x).backward()
exact = torch.stack([2 * x[0], 4 * x[1]]).detach()
print(x.grad)
print(max_err(x.grad, exact), max_err(x.grad, numerical_grad(y_of, x)))
# --8<-- [end:gradient]

# --8<-- [start:chain-inner]
x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
w = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
torch.dot(x, w).backward()
print(w.grad, torch.equal(w.grad, x))
numerical = numerical_grad(lambda w: torch.dot(x, w), w)
print(max_err(w.grad, x), max_err(w.grad, numerical))
# --8<-- [end:chain-inner]

# --8<-- [start:chain-square]
y = torch.tensor(1.0, dtype=torch.float64)


def z_of(w):
    return (torch.dot(x, w) - y) ** 2


w.grad = None
z_of(w).backward()
exact = 2 * (torch.dot(x, w) - y).detach() * x
print(z_of(w).item(), w.grad)
print(max_err(w.grad, exact), max_err(w.grad, numerical_grad(z_of, w)))
# --8<-- [end:chain-square]

# --8<-- [start:chain-matrix]
torch.manual_seed(0)
X = torch.randn(5, 3, dtype=torch.float64)
y = torch.randn(5, dtype=torch.float64)


def z_of(w):
    return ((X @ w - y) ** 2).sum()


w.grad = None
z_of(w).backward()
exact = 2 * X.T @ (X @ w - y).detach()
print(w.grad.shape)
print(max_err(w.grad, exact), max_err(w.grad, numerical_grad(z_of, w)))
# --8<-- [end:chain-matrix]
