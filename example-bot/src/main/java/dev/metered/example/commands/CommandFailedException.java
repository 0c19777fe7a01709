package dev.metered.example.commands;

/**
 * A command could not do what the user asked, for a reason the user should read: the {@link
 * CommandDispatcher} replies with the message itself, where other exceptions show only their type.
 * Its type name is the data point's {@code error_type}, so subclasses name distinct reasons.
 */
public class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what to tell the user
   */
  public CommandFailedException(String message) {
    super(message);
  }
}
