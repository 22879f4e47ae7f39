# --8<-- [start:rebind]
import torch

X = torch.arange(12, dtype=torch.float32).reshape(3, 4)
Y = torch.ones(3, 4)
before = id(Y)
Y = Y + X
print(id(Y) == before)
# --8<-- [end:rebind]

# --8<-- [start:slice-assign]
Z = torch.zeros_like(Y)
before = id(Z)
Z[:] = X + Y
print(id(Z) == before)
print(Z[0])
# --8<-- [end:slice-assign]

# --8<-- [start:augmented]
before = id(X)
X += Y
print(id(X) == before)
X.mul_(2)
print(id(X) == before)
# --8<-- [end:augmented]

# --8<-- [start:stale-reference]
w = torch.zeros(3)
params = [w]
w = w - 0.5
print(params[0] is w, params[0])
w = params[0]
w -= 0.5
print(params[0] is w, params[0])
# --8<-- [end:stale-reference]
