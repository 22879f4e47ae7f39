# --8<-- [start:define]
import torch


def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c


# --8<-- [end:define]

# --8<-- [start:backward]
torch.manual_seed(0)
a = torch.randn(size=(), requires_grad=True)
d = f(a)
d.backward()
print(a, d)
print(a.grad, a.grad == d / a)
# --8<-- [end:backward]

# --8<-- [start:check]
h = 1e-6
a64 = a.detach().double()
numerical = (f(a64 + h) - f(a64 - h)) / (2 * h)
print(round(abs(a.grad.item() - numerical.item()) / a.grad.item(), 8))
# --8<-- [end:check]

# --8<-- [start:paths]
for value in [0.001, 0.3, -0.3, 50.0]:
    a = torch.tensor(value, requires_grad=True)
    f(a).backward()
    print(value, a.grad.item())
# --8<-- [end:paths]
