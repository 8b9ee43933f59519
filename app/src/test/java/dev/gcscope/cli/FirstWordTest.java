package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FirstWordTest {
    @Test
    void aSwapOrASlipIsOneEdit() {
        assertEquals(1, FirstWord.editDistance("reprot", "report"));
        assertEquals(1, FirstWord.editDistance("sumary", "summary"));
        assertEquals(0, FirstWord.editDistance("export", "export"));
        assertEquals(6, FirstWord.editDistance("", "export"));
    }

    @Test
    void theNearestCommandIsSuggestedAndEveryCommandListed() {
        List<String> commands = FirstWord.commands();
        assertEquals(GcscopeCli.COMMANDS, java.util.Set.copyOf(commands), "from the command tree");
        String msg = FirstWord.unknownCommand("sumary", commands);
        assertTrue(msg.startsWith("gcscope: unknown command 'sumary'; did you mean 'summary'? commands: "), msg);
        assertTrue(msg.contains(String.join(", ", commands)), msg);
        assertFalse(msg.contains("\n"));
        String far = FirstWord.unknownCommand("kubernetes", commands);
        assertFalse(far.contains("did you mean"), "nothing is near enough to guess: " + far);
    }

    @Test
    void onlyACommandLikeWordThatIsNoFileIsAnUnknownCommand() {
        assertTrue(FirstWord.isUnknownCommand("reprot"));
        assertFalse(FirstWord.isUnknownCommand("summary"));
        assertFalse(FirstWord.isUnknownCommand("gc.log"), "a file name, even a missing one, opens in the window");
        assertFalse(FirstWord.isUnknownCommand("logs/gc"), "a path");
        assertFalse(FirstWord.isUnknownCommand("pom.xml"));
        assertFalse(FirstWord.isUnknownCommand("src"), "an existing directory here is a file argument, not a command");
    }
}
