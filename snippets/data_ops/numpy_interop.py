# --8<-- [start:convert]
import numpy as np
import torch

X = torch.arange(6, dtype=torch.float32).reshape(2, 3)
A = X.numpy()
B = torch.from_numpy(A)
print(type(A).__name__, A.dtype, A.shape)
print(type(B).__name__, B.dtype, B.shape)
# --8<-- [end:convert]

# --8<-- [start:shared-memory]
A[0, 0] = 100
print(X[0, 0], B[0, 0])
X[1, 2] = -1
print(A[1, 2])
X += 1
print(A[0, 0], np.shares_memory(A, X.numpy()))
X = X + 1
print(A[0, 0], np.shares_memory(A, X.numpy()))
# --8<-- [end:shared-memory]

# --8<-- [start:copy]
C = torch.tensor(A)
D = torch.as_tensor(A)
A[0, 1] = 7
print(C[0, 1], D[0, 1])
E = torch.from_numpy(np.ones(2))
print(E.dtype, E.float().dtype)
# --8<-- [end:copy]

# --8<-- [start:requires-grad]
w = torch.ones(3, requires_grad=True)
try:
    w.numpy()
except RuntimeError as err:
    print(err)
W = w.detach().numpy()
print(W, np.shares_memory(W, w.detach().numpy()))
# --8<-- [end:requires-grad]

# --8<-- [start:item]
a = torch.tensor([3.5])
print(a.item(), float(a), int(a), type(a.item()).__name__)
loss = torch.tensor(0.25)
print(f"loss {loss.item():f}", loss.shape)
try:
    torch.tensor([1.0, 2.0]).item()
except RuntimeError as err:
    print(err)
# --8<-- [end:item]

# --8<-- [start:mixing]
import warnings

print("torch", torch.__version__.split("+")[0], "numpy", np.__version__)
t = torch.arange(3)
n = np.ones(3, dtype=np.float32)
print(t.__add__(n))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    s = t + n
print(s)
for warning in caught:
    print(warning.category.__name__, warning.message)
print(np.result_type(np.int64, np.float32), (t + torch.from_numpy(n)).dtype)
# --8<-- [end:mixing]

# --8<-- [start:mixing-errors]
print(n.__add__(t), t.__radd__(n))
for name, op in [("n + t", lambda: n + t), ("n * t", lambda: n * t), ("torch.exp(n)", lambda: torch.exp(n))]:
    try:
        op()
    except TypeError:
        print(name, "-> TypeError")
try:
    w + n
except RuntimeError as err:
    print("w + n ->", err)
print(t + torch.from_numpy(n))
# --8<-- [end:mixing-errors]
