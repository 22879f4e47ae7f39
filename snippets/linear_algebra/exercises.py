# --8<-- [start:ex-transpose]
import torch

torch.manual_seed(0)
A = torch.randn(3, 4)
print(torch.equal(A.T.T, A))
B = torch.randn(4, 4)
S = B + B.T
print(torch.equal(S, S.T), torch.equal(B, B.T))
# --8<-- [end:ex-transpose]

# --8<-- [start:ex-len]
X = torch.arange(24).reshape(2, 3, 4)
print(len(X), X.shape[0])
print(len(X[0]), len(X[0, 0]))
# --8<-- [end:ex-len]

# --8<-- [start:ex-divide]
A = torch.arange(20, dtype=torch.float32).reshape(5, 4)
try:
    A / A.sum(axis=1)
except RuntimeError as err:
    print(err)
Q = torch.arange(9, dtype=torch.float32).reshape(3, 3)
print(Q.sum(axis=1))
print(Q / Q.sum(axis=1))
print((Q / Q.sum(axis=1, keepdims=True)).sum(axis=1))
# --8<-- [end:ex-divide]
