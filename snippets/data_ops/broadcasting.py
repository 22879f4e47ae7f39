# --8<-- [start:example-1]
import torch

a = torch.arange(3).reshape((3, 1))
b = torch.arange(2).reshape((1, 2))
print(a)
print(b)
print(a + b)
# --8<-- [end:example-1]

# --8<-- [start:example-2]
x = torch.zeros(5, 3, 4, 1)
y = torch.zeros(3, 1, 1)
print((x + y).shape)
try:
    x + torch.zeros(0, 3, 1, 1)
except RuntimeError as err:
    print(err)
# --8<-- [end:example-2]

# --8<-- [start:example-3]
y = torch.zeros(3, 2, 1)
try:
    x + y
except RuntimeError as err:
    print(err)
# --8<-- [end:example-3]

# --8<-- [start:scalar]
s = torch.tensor(10.0)
print(s.ndim, (s + torch.ones(2, 3)).shape)
print(torch.ones(2, 3) * 2)
# --8<-- [end:scalar]

# --8<-- [start:empty-tensor]
e = torch.zeros(0, 0)
print(e.ndim, e.shape, e.numel())
print((e + torch.ones(1)).shape)
print((torch.zeros(0, 3) + torch.ones(1, 3)).shape)
try:
    e + torch.ones(3)
except RuntimeError as err:
    print(err)
# --8<-- [end:empty-tensor]
