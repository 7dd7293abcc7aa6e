using Interviewer.Cli;

return await InterviewerCli.InvokeAsync(args);
