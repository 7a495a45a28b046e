import { Link } from 'react-router';

export function HomePage() {
  return (
    <section>
      <h1>Demarche</h1>
      <p>
        Headquarters issues directives with numbered talking points; posts engage host governments,
        log what they delivered and how it was received, and report back. Every figure carries its
        sources and definitions.
      </p>
      <p>
        Start with the <Link to="/posts">bureaus and posts</Link>.
      </p>
    </section>
  );
}
