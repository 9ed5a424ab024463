"""Policy and training centre (保障措施 3): the operator publishes policy documents and training sessions;
merchants and providers read the policies, register for sessions, get a confirmation and a reminder e-mail; the
operator marks attendance, which feeds the province statistics."""
