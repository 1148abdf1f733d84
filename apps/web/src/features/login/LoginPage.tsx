import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../../app/api";
import { useLogin, useMe } from "../../app/auth";
import { ParleyLogo } from "../../ui/ParleyLogo";
import { DemoHint } from "./DemoHint";
import classes from "./LoginPage.module.css";

/** Only same-site paths, so a crafted link cannot send people elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/inbox";
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  useDocumentTitle("Sign in · Parley");
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitted, setSubmitted] = useState(false);

  // Already signed in (and not a stale identity from a session that just expired): skip the form.
  if (me.data && !me.error && !login.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password) return;
    login.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <main className={classes.page}>
      <div className={classes.column}>
        <div className={classes.brand}>
          <ParleyLogo size={34} />
        </div>
        <Paper className={classes.card} withBorder shadow="lg" p={32}>
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <div>
                <Title order={1} id="login-title" fz={20}>
                  Sign in to your desk
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  Every customer, every network, one inbox.
                </Text>
              </div>
              {login.isError ? (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} role="alert" py="xs">
                  {errorMessage(login.error)}
                </Alert>
              ) : null}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                placeholder="you@company.com"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={submitted && !email.trim() ? "Enter your email" : undefined}
                required
                autoFocus
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={submitted && !password ? "Enter your password" : undefined}
                required
              />
              <Button type="submit" fullWidth size="md" loading={login.isPending}>
                Sign in
              </Button>
              <DemoHint
                onPick={(demoEmail, demoPassword) => {
                  setEmail(demoEmail);
                  setPassword(demoPassword);
                }}
              />
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="lg">
          Parley · open-source social customer care
        </Text>
      </div>
    </main>
  );
}
