# --8<-- [start:data]
import torch

torch.manual_seed(0)


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)
X1 = torch.cat([features, torch.ones(len(features), 1)], dim=1).double()
y = labels.double()
print(X1.shape, y.shape)
# --8<-- [end:data]

# --8<-- [start:normal-equations]
theta = torch.linalg.solve(X1.T @ X1, X1.T @ y)
print("normal equations:", theta.flatten().numpy().round(6))
# --8<-- [end:normal-equations]

# --8<-- [start:lstsq]
theta_lstsq = torch.linalg.lstsq(X1, y).solution
print("lstsq:           ", theta_lstsq.flatten().numpy().round(6))
same = torch.allclose(theta, theta_lstsq, rtol=0, atol=1e-12)
print("same up to rounding:", same)
# --8<-- [end:lstsq]

# --8<-- [start:compare]
w_star, b_star = theta[:2, 0], theta[2, 0]
print("error in w:", (true_w - w_star).numpy().round(6))
print(f"error in b: {true_b - b_star.item():.6f}")
loss_star = ((X1 @ theta - y) ** 2 / 2).mean().item()
print(f"training loss at the closed-form solution: {loss_star:.6f}")
print(f"half the noise variance 0.01**2 / 2:       {0.01**2 / 2:.6f}")
# --8<-- [end:compare]

# --8<-- [start:rank-deficient]
X2 = torch.cat([X1, X1[:, :1]], dim=1)  # the first feature twice
print("rank:", torch.linalg.matrix_rank(X2).item(), "of", X2.shape[1], "columns")
theta_a = torch.linalg.lstsq(X2, y, driver="gelsd").solution
theta_b = theta_a + torch.tensor([[1.0], [0.0], [0.0], [-1.0]], dtype=torch.float64)
for t in (theta_a, theta_b):
    residual = (X2.T @ X2 @ t - X2.T @ y).abs().max().item()
    loss_t = ((X2 @ t - y) ** 2 / 2).mean().item()
    print(t.flatten().numpy().round(4) + 0.0, f"normal equations hold: {residual < 1e-9}, loss {loss_t:.6f}")
# --8<-- [end:rank-deficient]
