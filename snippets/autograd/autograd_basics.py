# --8<-- [start:requires-grad]
import torch

x = torch.arange(4.0)
x.requires_grad_(True)
print(x, x.grad)
# --8<-- [end:requires-grad]

# --8<-- [start:dot]
y = 2 * torch.dot(x, x)
print(y)
# --8<-- [end:dot]

# --8<-- [start:backward]
y.backward()
print(x.grad)
print(x.grad == 4 * x)
# --8<-- [end:backward]


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


numerical = numerical_grad(lambda t: 2 * torch.dot(t, t), x)
print(max_err(x.grad, 4 * x), max_err(x.grad, numerical))
# --8<-- [end:numgrad]

# --8<-- [start:accumulate]
y = 2 * torch.dot(x, x)
y.backward()
print(x.grad)
# --8<-- [end:accumulate]

# --8<-- [start:zero-grad]
x.grad.zero_()
y = x.sum()
print(y)
y.backward()
print(x.grad)
print(max_err(x.grad, torch.ones(4)), max_err(x.grad, numerical_grad(torch.sum, x)))
# --8<-- [end:zero-grad]

# --8<-- [start:non-scalar]
x.grad.zero_()
y = x * x
try:
    y.backward()
except RuntimeError as err:
    print(err)
# --8<-- [end:non-scalar]

# --8<-- [start:sum-backward]
y.sum().backward()
print(x.grad)
x.grad.zero_()
y = x * x
y.backward(gradient=torch.ones_like(y))
print(x.grad)
# --8<-- [end:sum-backward]

# --8<-- [start:detach]
x.grad.zero_()
y = x * x
u = y.detach()
z = u * x
z.sum().backward()
print(u, u.requires_grad, y.requires_grad)
print(x.grad)
print(x.grad == u)
numerical = numerical_grad(lambda t: (u.double() * t).sum(), x)
print(max_err(x.grad, u), max_err(x.grad, numerical))
# --8<-- [end:detach]

# --8<-- [start:detach-y]
x.grad.zero_()
y.sum().backward()
print(x.grad == 2 * x)
numerical = numerical_grad(lambda t: (t * t).sum(), x)
print(max_err(x.grad, 2 * x), max_err(x.grad, numerical))
# --8<-- [end:detach-y]

# --8<-- [start:no-grad-error]
w = torch.ones(3, requires_grad=True)
(w**2).sum().backward()
try:
    w -= 0.1 * w.grad
except RuntimeError as err:
    print(err)
# --8<-- [end:no-grad-error]

# --8<-- [start:no-grad]
with torch.no_grad():
    w -= 0.1 * w.grad
    w.grad.zero_()
    v = 2 * w
print(w)
print(w.is_leaf, w.requires_grad, v.requires_grad, v.grad_fn)
# --8<-- [end:no-grad]

# --8<-- [start:rebind]
(w**2).sum().backward()
print(w.grad)
w_new = w - 0.1 * w.grad
w.grad.zero_()
print(w_new)
print(w_new.is_leaf, w_new.grad_fn.name(), w_new.retains_grad)
(w_new**2).sum().backward()
print(w, w.grad)
# --8<-- [end:rebind]
