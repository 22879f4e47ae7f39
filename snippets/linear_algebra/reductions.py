# --8<-- [start:sum-all]
import torch

a = torch.ones(3, 4)
print(a)
print(a.sum(), a.sum().shape)
# --8<-- [end:sum-all]

# --8<-- [start:sum-axis]
print(a.sum(axis=0), a.sum(axis=0).shape)
print(a.sum(axis=1), a.sum(axis=1).shape)
# --8<-- [end:sum-axis]

# --8<-- [start:sum-axis-arange]
A = torch.arange(12, dtype=torch.float32).reshape(3, 4)
print(A)
print(A.sum(axis=0))
print(A.sum(axis=1))
print(torch.equal(A.sum(axis=1), A.sum(dim=1)))
# --8<-- [end:sum-axis-arange]

# --8<-- [start:sum-axes]
t = torch.ones((2, 5, 4))
print(t.sum(axis=[0, 2]), t.sum(axis=[0, 2]).shape)
print(torch.equal(t.sum(axis=[0, 2]), t.sum(axis=0).sum(axis=1)))
# --8<-- [end:sum-axes]

# --8<-- [start:keepdims]
print(a.sum(axis=0, keepdims=True), a.sum(axis=0, keepdims=True).shape)
print(a.sum(axis=1, keepdims=True).shape)
print(t.sum(axis=0, keepdims=True).shape)
# --8<-- [end:keepdims]

# --8<-- [start:keepdims-broadcast]
row_sums = A.sum(axis=1, keepdims=True)
print(row_sums)
P = A / row_sums
print(P)
print(P.sum(axis=1))
try:
    A / A.sum(axis=1)
except RuntimeError as err:
    print(err)
# --8<-- [end:keepdims-broadcast]

# --8<-- [start:cumsum]
print(A.cumsum(axis=0))
print(A.cumsum(axis=1))
# --8<-- [end:cumsum]

# --8<-- [start:mean]
A = torch.arange(6, dtype=torch.float32).reshape((3, 2))
print(A)
print(A.mean(), A.sum() / A.numel())
print(A.mean(axis=0), A.sum(axis=0) / A.shape[0])
print(A.mean(axis=1), A.sum(axis=1) / A.shape[1])
# --8<-- [end:mean]

# --8<-- [start:mean-int]
A_int = torch.arange(6).reshape(3, 2)
print(A_int.dtype)
try:
    A_int.mean()
except RuntimeError as err:
    print(err)
print(A_int.float().mean(), A_int.mean(dtype=torch.float32))
# --8<-- [end:mean-int]
