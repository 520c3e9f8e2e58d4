package io.tusk.internal.protocol.message.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandCompleteMessageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT 0 5        | INSERT        | 5",
        "UPDATE 3          | UPDATE        | 3",
        "DELETE 0          | DELETE        | 0",
        "SELECT 10000000000| SELECT        | 10000000000",
        "MOVE 2            | MOVE          | 2",
        "FETCH 7           | FETCH         | 7",
        "COPY 12           | COPY          | 12",
        "MERGE 4           | MERGE         | 4",
        "COPY              | COPY          | -1",
        "CREATE TABLE      | CREATE TABLE  | -1",
        "CREATE TABLE AS 3 | CREATE TABLE AS | -1",
        "BEGIN             | BEGIN         | -1",
        "''                | ''            | -1",
    })
    void commandAndRowCount(String tag, String command, long rowCount) {
        CommandCompleteMessage message = new CommandCompleteMessage(tag);
        assertEquals(command, message.command());
        assertEquals(rowCount, message.rowCount());
    }
}
