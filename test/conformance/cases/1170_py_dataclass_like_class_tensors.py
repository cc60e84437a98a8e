import torch
class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
pts = [Point(3, 4), Point(1, 1), Point(0, 2)]
print(pts, Point.count)
print(sorted(pts, key=Point.norm))
print(Point(3, 4) == pts[0], Point(3, 4) in pts)
t = torch.tensor([[p.x, p.y] for p in pts], dtype=torch.float32)
print(t, t.norm(dim=1))
