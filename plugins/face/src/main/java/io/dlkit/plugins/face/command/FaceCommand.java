package io.dlkit.plugins.face.command;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.plugins.face.detect.DetectCommand;
import io.dlkit.plugins.face.embed.EmbedBenchCommand;
import io.dlkit.plugins.face.embed.EmbedCommand;
import io.dlkit.plugins.face.eval.FaceEvalCommand;
import io.dlkit.plugins.face.identify.DbCommand;
import io.dlkit.plugins.face.identify.EnrollCommand;
import io.dlkit.plugins.face.identify.IdentifyCommand;
import io.dlkit.plugins.face.landmarks.LandmarksCommand;
import io.dlkit.plugins.face.train.FaceTrainCommand;
import io.dlkit.plugins.face.train.IdentitiesCommand;
import io.dlkit.plugins.face.verify.VerifyCommand;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/**
 * Contributes {@code dlkit face}: {@code detect}, {@code landmarks}, {@code embed}, {@code verify},
 * {@code enroll}, {@code identify} and {@code db}, on face-api's pretrained nets rebuilt in Java;
 * {@code train} (FaceNet triplet or DeepFace pairs), {@code eval} (LFW pairs, ROC) and {@code
 * identities} (stand-in identities from augmented faces).
 */
@Extension
@Command(
        name = "face",
        mixinStandardHelpOptions = true,
        description =
                "Faces: detect, find 68 landmarks, embed as 128-d descriptors, verify, enroll,"
                        + " identify, train and evaluate.",
        subcommands = {
            DetectCommand.class,
            LandmarksCommand.class,
            EmbedCommand.class,
            VerifyCommand.class,
            EnrollCommand.class,
            IdentifyCommand.class,
            DbCommand.class,
            FaceTrainCommand.class,
            FaceEvalCommand.class,
            IdentitiesCommand.class,
            EmbedBenchCommand.class
        })
public final class FaceCommand implements CommandProvider, Callable<Integer> {
    /** PF4J creates it. */
    public FaceCommand() {}

    @Override
    public Object command() {
        return this;
    }

    /** {@code dlkit face} alone: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw DlkitException.invalidInput(
                "face: missing subcommand; use 'dlkit face detect', 'landmarks', 'embed',"
                        + " 'verify', 'enroll', 'identify', 'db', 'train', 'eval', 'identities' or 'bench'");
    }
}
