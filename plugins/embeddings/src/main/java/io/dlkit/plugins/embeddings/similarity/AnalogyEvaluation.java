package io.dlkit.plugins.embeddings.similarity;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.WordVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Scores vectors on an analogy file ({@code : section} lines, then {@code a b c d} questions) as
 * word2vec's {@code compute-accuracy} does: only the {@code threshold} most frequent words (the
 * first rows; 30,000 by default) are looked at, every word is upper-cased, a question with any of
 * its four words outside them is skipped, and the others are answered by {@link Similarity}'s
 * analogy (top 1). Accuracy is over the questions answered; coverage is answered / all. The first
 * five sections are "semantic", the rest "syntactic", as in the C tool.
 */
public final class AnalogyEvaluation {
    /** compute-accuracy's default vocabulary threshold. */
    public static final int DEFAULT_THRESHOLD = 30_000;

    private static final int SEMANTIC_SECTIONS = 5;

    private AnalogyEvaluation() {}

    /**
     * The counts of one section (or of a group of sections).
     *
     * @param name the section name ({@code capital-common-countries}, or {@code total}, ...)
     * @param correct questions answered correctly
     * @param answered questions whose four words are all in the vocabulary
     * @param questions all questions
     */
    public record Score(String name, int correct, int answered, int questions) {
        /** correct / answered (0 when nothing was answered). */
        public double accuracy() {
            return answered == 0 ? 0 : (double) correct / answered;
        }

        /** answered / questions. */
        public double coverage() {
            return questions == 0 ? 0 : (double) answered / questions;
        }

        Score plus(Score o, String as) {
            return new Score(
                    as, correct + o.correct, answered + o.answered, questions + o.questions);
        }
    }

    /**
     * The result: per section in file order, then semantic, syntactic and total.
     *
     * @param sections one score per section
     * @param semantic the first five sections together
     * @param syntactic the other sections together
     * @param total every question
     */
    public record Result(List<Score> sections, Score semantic, Score syntactic, Score total) {}

    private record Question(int section, String[] words) {}

    /**
     * Scores {@code vectors} on {@code file}, looking only at the first {@code threshold} words.
     */
    public static Result evaluate(WordVectors vectors, Path file, int threshold) {
        List<String> names = new ArrayList<>();
        List<Question> questions = read(file, names);
        int limit = Math.min(threshold, vectors.size());
        Map<String, Integer> upper = new HashMap<>();
        for (int i = 0; i < limit; i++) {
            upper.putIfAbsent(vectors.word(i).toUpperCase(Locale.ROOT), i);
        }
        Similarity similarity = new Similarity(vectors);
        int[] outcome =
                IntStream.range(0, questions.size())
                        .parallel()
                        .map(q -> answer(similarity, upper, limit, questions.get(q)))
                        .toArray();
        return tally(names, questions, outcome);
    }

    /** -1 skipped (a word outside the vocabulary), 0 wrong, 1 right. */
    private static int answer(
            Similarity similarity, Map<String, Integer> upper, int limit, Question q) {
        int[] idx = new int[4];
        for (int k = 0; k < 4; k++) {
            Integer i = upper.get(q.words()[k]);
            if (i == null) {
                return -1;
            }
            idx[k] = i;
        }
        List<Similarity.Scored> best =
                similarity.nearest(
                        similarity.offset(idx[0], idx[1], idx[2]),
                        1,
                        Set.of(idx[0], idx[1], idx[2]),
                        limit);
        boolean right =
                !best.isEmpty() && best.get(0).word().toUpperCase(Locale.ROOT).equals(q.words()[3]);
        return right ? 1 : 0;
    }

    private static Result tally(List<String> names, List<Question> questions, int[] outcome) {
        int[][] counts = new int[names.size()][3];
        for (int q = 0; q < questions.size(); q++) {
            int[] c = counts[questions.get(q).section()];
            c[2]++;
            if (outcome[q] >= 0) {
                c[1]++;
                c[0] += outcome[q];
            }
        }
        List<Score> sections = new ArrayList<>();
        Score semantic = new Score("semantic", 0, 0, 0);
        Score syntactic = new Score("syntactic", 0, 0, 0);
        for (int s = 0; s < names.size(); s++) {
            Score score = new Score(names.get(s), counts[s][0], counts[s][1], counts[s][2]);
            sections.add(score);
            if (s < SEMANTIC_SECTIONS) {
                semantic = semantic.plus(score, "semantic");
            } else {
                syntactic = syntactic.plus(score, "syntactic");
            }
        }
        return new Result(sections, semantic, syntactic, semantic.plus(syntactic, "total"));
    }

    private static List<Question> read(Path file, List<String> names) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    file
                            + ": cannot read the analogy questions ("
                            + e.getMessage()
                            + "); give a questions-words.txt style file");
        }
        List<Question> questions = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(":")) {
                names.add(line.substring(1).strip());
                continue;
            }
            String[] words = line.toUpperCase(Locale.ROOT).split("\\s+");
            if (words.length != 4 || names.isEmpty()) {
                throw DlkitException.invalidInput(
                        file
                                + ":"
                                + (n + 1)
                                + ": expected ': section' or four words 'a b c d', got '"
                                + line
                                + "'");
            }
            questions.add(new Question(names.size() - 1, words));
        }
        return questions;
    }
}
