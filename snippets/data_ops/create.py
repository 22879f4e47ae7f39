# --8<-- [start:arange]
import torch

x = torch.arange(12)
print(x)
print(x.dtype)
# --8<-- [end:arange]

# --8<-- [start:arange-float]
x = torch.arange(6, dtype=torch.float32)
print(x)
# --8<-- [end:arange-float]

# --8<-- [start:zeros-ones]
print(torch.zeros(3, 4))
print(torch.ones(2, 3, 4))
# --8<-- [end:zeros-ones]

# --8<-- [start:empty]
e = torch.empty(2, 3)
print(e.shape, e.dtype)
# --8<-- [end:empty]

# --8<-- [start:randn]
torch.manual_seed(0)
print(torch.randn(3, 4))
# --8<-- [end:randn]

# --8<-- [start:from-list]
t = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print(t)
print(t.dtype, torch.tensor([1.0, 2.0]).dtype)
# --8<-- [end:from-list]

# --8<-- [start:dtype]
print(torch.zeros(2, dtype=torch.int32))
print(torch.tensor([1, 2, 3], dtype=torch.float64))
print(torch.arange(4).float())
# --8<-- [end:dtype]
