# --8<-- [start:matrix]
import torch

X = torch.arange(1, 17).reshape(4, 4)
print(X)
# --8<-- [end:matrix]

# --8<-- [start:element-row-column]
print(X[1, 2])
print(X[1, :])
print(X[:, 1])
print(X[:, 1].shape, X[:, 1:2].shape)
# --8<-- [end:element-row-column]

# --8<-- [start:block]
print(X[1:3, 1:])
# --8<-- [end:block]

# --8<-- [start:strided]
print(X[::3, ::2])
# --8<-- [end:strided]

# --8<-- [start:index-lists]
print(X[[0, 2]])
print(X[[0, 2], :])
print(X[[0, 2], [1, 2]])
# --8<-- [end:index-lists]

# --8<-- [start:index-block]
rows, cols = torch.tensor([0, 2]), torch.tensor([1, 2])
print(X[rows[:, None], cols])
print(X[[0, 2]][:, [1, 2]])
# --8<-- [end:index-block]

# --8<-- [start:numpy]
import numpy as np

A = X.numpy()
print(type(A).__name__, A[1, 2], A[[0, 2], [1, 2]])
print(A[::3, ::2])
print(np.array_equal(A[[0, 2]][:, [1, 2]], X[[0, 2]][:, [1, 2]].numpy()))
# --8<-- [end:numpy]

# --8<-- [start:assign]
X[0, :] = 0
X[1:3, 1:3] = -1
print(X)
# --8<-- [end:assign]
