# --8<-- [start:create]
import torch

A = torch.arange(20).reshape((5, 4))
print(A)
print(A.shape, A.dtype)
# --8<-- [end:create]

# --8<-- [start:zeros-ones]
Z = torch.zeros(5, 4)
J = torch.ones(5, 4)
print(Z.shape, Z.dtype, Z.sum())
print(J.shape, J.dtype, J.sum())
# --8<-- [end:zeros-ones]

# --8<-- [start:from-list]
B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
print(B)
print(B.shape, B.dtype)
# --8<-- [end:from-list]

# --8<-- [start:transpose]
print(A.T)
print(A.shape, A.T.shape)
print(A[1, 2], A.T[2, 1])
# --8<-- [end:transpose]

# --8<-- [start:symmetric-elementwise]
print(B == B.T)
# --8<-- [end:symmetric-elementwise]

# --8<-- [start:symmetric-test]
C = torch.tensor([[1, 2], [3, 4]])
print(C == C.T)
print(torch.equal(B, B.T), torch.equal(C, C.T))
print((B == B.T).all(), (C == C.T).all())
# --8<-- [end:symmetric-test]

# --8<-- [start:symmetric-nonsquare]
print(torch.equal(A, A.T))
try:
    print(A == A.T)
except RuntimeError as err:
    print(err)
R = torch.ones(1, 3)
print((R == R.T).shape, (R == R.T).all(), torch.equal(R, R.T))
# --8<-- [end:symmetric-nonsquare]

# --8<-- [start:symmetric-vector]
import warnings

v = torch.tensor([1, 2, 3])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(torch.equal(v, v.T))
print(torch.equal(B, B.mT), torch.equal(R, R.mT))
try:
    torch.equal(v, v.mT)
except RuntimeError as err:
    print(err)
# --8<-- [end:symmetric-vector]
