package org.pledgeworks.campaign.system;

import java.net.URI;

import org.pledgeworks.campaign.campaigns.CampaignNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 problem details; Spring's own exceptions are handled by the base
 * class, ours here.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail campaignNotFound(CampaignNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No published campaign has the slug '" + e.slug() + "'.");
        problem.setTitle("Campaign not found");
        problem.setType(URI.create("https://pledgeworks.org/problems/campaign-not-found"));
        return problem;
    }
}
