# --8<-- [start:elementwise]
import torch

x = torch.tensor([1.0, 2, 4, 8])
y = torch.tensor([2, 3, 2, 2])
print(x + y)
print(x - y)
print(x * y)
print(x / y)
print(x**y)
print(torch.exp(x))
# --8<-- [end:elementwise]

# --8<-- [start:compare]
print(x == y)
print(x > y)
print(x < y)
print((x > y) & (x < 8), ~(x > y))
# --8<-- [end:compare]

# --8<-- [start:cat]
X = torch.arange(12, dtype=torch.float32).reshape(3, 4)
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print(torch.cat((X, Y), dim=0))
print(torch.cat((X, Y), dim=1))
print(torch.cat((X, Y), dim=0).shape, torch.cat((X, Y), dim=1).shape)
# --8<-- [end:cat]

# --8<-- [start:cat-lists]
try:
    torch.cat(([[0.0, 1.0]], [[2.0, 3.0]]), dim=0)
except TypeError as err:
    print(type(err).__name__, str(err).splitlines()[0])
# --8<-- [end:cat-lists]

# --8<-- [start:compare-matrix]
print(X == Y)
# --8<-- [end:compare-matrix]

# --8<-- [start:sum]
print(X.sum())
print(X.sum().shape, X.sum().item())
# --8<-- [end:sum]
