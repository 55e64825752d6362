package dev.improview.problem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.problem.ProblemCatalog;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the API cannot show: a reveal recorded twice counts once, per client and per problem. */
@SpringBootTest
class RevealStoreTests {

  @Autowired RevealStore store;
  @Autowired ProblemCatalog catalog;

  UUID client;
  String problem;
  String other;

  @BeforeEach
  void setUp() {
    client = UUID.randomUUID();
    var ids = catalog.list(null, null).stream().map(s -> s.id()).limit(2).toList();
    problem = ids.get(0);
    other = ids.get(1);
  }

  @Test
  void revealingAHintAgainCountsItOnce() {
    store.recordHint(client, problem, 1);
    store.recordHint(client, problem, 0);
    store.recordHint(client, problem, 1);

    assertThat(store.hintsRevealed(client, problem)).isEqualTo(2);
    assertThat(store.revealedHintIndexes(client, problem)).containsExactly(0, 1);
  }

  @Test
  void openingTheSolutionAgainChangesNothing() {
    assertThat(store.solutionViewed(client, problem)).isFalse();
    store.recordSolution(client, problem);
    store.recordSolution(client, problem);

    assertThat(store.solutionViewed(client, problem)).isTrue();
    // The solution is not a hint.
    assertThat(store.hintsRevealed(client, problem)).isZero();
  }

  @Test
  void revealsBelongToOneClientAndOneProblem() {
    store.recordHint(client, problem, 0);
    store.recordSolution(client, problem);

    var stranger = UUID.randomUUID();
    assertThat(store.hintsRevealed(stranger, problem)).isZero();
    assertThat(store.solutionViewed(stranger, problem)).isFalse();
    assertThat(store.revealedHintIndexes(client, other)).isEmpty();
    assertThat(store.solutionViewed(client, other)).isFalse();
  }
}
